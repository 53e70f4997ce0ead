package org.chemoadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.chemoadvisor.bulk.ClaimReviewCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The bulk review's report.html as a billing manager opens it: from disk, in Chromium, nothing fetched. */
class BulkReportBrowserTest {

    @Test
    void theReportRendersItsTotalsChartsAndClaimsFromDiskAlone(@TempDir Path out) throws Exception {
        ClaimReviewCommand.run(new String[] {"src/test/resources/bulk/export", "--out", out.toString()},
                new PrintStream(OutputStream.nullOutputStream()), System.err);
        WebDriver browser = BrowserSupport.start();
        try {
            browser.get(out.resolve("report.html").toUri().toString());

            List<WebElement> totals = browser.findElements(By.cssSelector(".total b"));
            assertThat(totals).extracting(WebElement::getText).startsWith("3", "1");
            assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.findElement(By.cssSelector("section.claim.error h3")).getText()).contains("modifier-50-1");
            Object fetched = ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').length;");
            assertThat(((Number) fetched).intValue()).as("resources the page loaded").isZero();
            BrowserSupport.screenshot(browser, "bulk-report");
        } finally {
            browser.quit();
        }
    }
}
