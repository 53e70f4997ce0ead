package org.chemoadvisor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo page and the override dashboard as a person uses them, in headless Chromium against
 * the running service: a scenario, its card, the suggestion applied and the cards gone; an override
 * counted on the dashboard; a claim issue placed on its line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.security.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoPagesBrowserTest {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startBrowser() {
        browser = BrowserSupport.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void addOnWithoutPrimaryShowsItsCardAndAcceptingTheSuggestionClearsIt() throws Exception {
        open("/");
        scenario("64645 without 64644");
        click(By.id("sign"));

        WebElement card = waitForCard("64645");
        assertThat(card.getAttribute("class")).contains("critical");
        assertThat(card.findElement(By.className("source")).getText()).contains("Source:");
        BrowserSupport.screenshot(browser, "demo-page");

        card.findElement(By.cssSelector("button.suggestion")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cards"), "No advice"));
        assertThat(browser.findElements(By.cssSelector("#cards .card"))).isEmpty();
        List<String> codes = browser.findElements(By.cssSelector("#lines input[name=code]")).stream()
                .map(input -> input.getAttribute("value")).toList();
        assertThat(codes).contains("64644");
    }

    @Test
    @Order(2)
    void everyScenarioButTheCleanOneGetsAdviceOnSignAndTheCleanOneNone() {
        open("/");
        for (WebElement button : browser.findElements(By.cssSelector("#scenarios button"))) {
            String name = button.getText();
            button.click();
            click(By.id("sign"));
            wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("order-sign: \\d+ card")));
            int cards = browser.findElements(By.cssSelector("#cards .card")).size();
            if (name.equals("Clean order set") || name.equals("Toxin billed by the facility")) {
                assertThat(cards).as(name).isZero();
            } else {
                assertThat(cards).as(name).isPositive();
            }
        }
    }

    @Test
    @Order(3)
    void anOverrideIsSentAndCountedOnTheDashboard() throws Exception {
        open("/");
        scenario("Modifier 50 on 64645");
        click(By.id("sign"));
        WebElement card = waitForCard("Modifier 50");
        new Select(card.findElement(By.tagName("select"))).selectByIndex(1);
        card.findElement(By.className("override-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Override sent"));

        open("/dashboard.html");
        By row = By.cssSelector("#rules tr[data-rule='CHEMO-06']");
        wait.until(driver -> {
            List<WebElement> rows = driver.findElements(row);
            if (!rows.isEmpty() && !rows.get(0).findElements(By.tagName("td")).get(3).getText().equals("0")) {
                return true;
            }
            driver.findElement(By.id("refresh")).click();
            return false;
        });
        List<WebElement> cells = browser.findElement(row).findElements(By.tagName("td"));
        assertThat(Integer.parseInt(cells.get(3).getText())).isPositive();
        assertThat(cells.get(6).getText()).contains("Documentation supports the coding as ordered");
        assertThat(browser.findElements(By.cssSelector("#weeks svg rect"))).hasSize(8);
        BrowserSupport.screenshot(browser, "override-dashboard");
    }

    @Test
    @Order(4)
    void theClaimTabPlacesAnIssueOnItsLine() throws Exception {
        open("/");
        scenario("Toxin billed by the facility");
        click(By.id("tab-claim"));
        click(By.id("validate"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "shown on their lines"));
        WebElement drugRow = browser.findElement(By.cssSelector("#lines tr[data-line='2']"));
        assertThat(drugRow.getAttribute("class")).contains("has-issue");
        assertThat(browser.findElement(By.cssSelector("#lines tr.line-issues")).getText()).contains("CHEMO-34");
        BrowserSupport.screenshot(browser, "claim-tab");
    }

    @Test
    @Order(5)
    void theDischargeTabSendsTheLinesAsProcedures() {
        open("/");
        scenario("64645 without 64644");
        click(By.id("tab-discharge"));
        click(By.id("discharge"));

        waitForCard("64645");
        assertThat(browser.findElement(By.id("request-json")).getAttribute("textContent"))
                .contains("\"hook\": \"encounter-discharge\"").contains("\"resourceType\": \"Procedure\"");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header h1")));
        // A figure for the README's performance section, never a pass/fail limit.
        Object interactive = ((JavascriptExecutor) browser).executeScript(
                "const t = performance.getEntriesByType('navigation')[0]; return t ? Math.round(t.domInteractive) : -1;");
        System.out.println("page " + path + " interactive after " + interactive + " ms");
    }

    private void scenario(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='scenarios']/button[.='" + name + "']")))
                .click();
    }

    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private WebElement waitForCard(String summaryPart) {
        return wait.until(driver -> driver.findElements(By.cssSelector("#cards .card")).stream()
                .filter(card -> card.findElement(By.className("summary")).getText().contains(summaryPart))
                .findFirst().orElse(null));
    }
}
