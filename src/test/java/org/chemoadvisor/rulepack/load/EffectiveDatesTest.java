package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chemoadvisor.rulepack.AddOnEdits;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.PtpTable;
import org.chemoadvisor.rules.Citation;
import org.junit.jupiter.api.Test;

/** Effective and deletion dates of the CMS files decide whether an edit applies on the date of service. */
class EffectiveDatesTest {

    private final Citation citation = new Citation("test", "test", null);
    private final PtpTable ptp = new PtpTable(PtpReader.read(CmsFiles.source("ptp-practitioner.txt"), new SharedValues()), citation);
    private final AddOnEdits aoc = new AddOnEdits(AocReader.read(CmsFiles.source("aoc.txt"), new SharedValues()), citation);

    @Test
    void ptpEditDeletedBeforeTheDateOfServiceDoesNotApply() {
        assertThat(ptp.find("64616", "64612", LocalDate.of(2019, 12, 31))).isPresent();
        assertThat(ptp.find("64616", "64612", LocalDate.of(2020, 1, 1))).isEmpty();
    }

    @Test
    void ptpEditDoesNotApplyBeforeItsEffectiveDate() {
        assertThat(ptp.find("64644", "64642", LocalDate.of(2012, 12, 31))).isEmpty();
        assertThat(ptp.find("64644", "64642", LocalDate.of(2013, 1, 1))).isPresent();
    }

    @Test
    void replacedPtpEditGivesTheIndicatorInForceOnTheDate() {
        assertThat(ptp.find("64642", "64616", LocalDate.of(2017, 6, 1))).get()
                .extracting(PtpEdit::modifierIndicator).isEqualTo(0);
        assertThat(ptp.find("64642", "64616", LocalDate.of(2024, 7, 1))).get()
                .extracting(PtpEdit::modifierIndicator).isEqualTo(1);
    }

    @Test
    void withoutDateOfServiceOnlyEditsStillInForceApply() {
        assertThat(ptp.find("64616", "64612", null)).isEmpty();
        assertThat(ptp.find("64644", "64642", null)).isPresent();
        assertThat(ptp.find("64642", "64616", null)).get()
                .extracting(PtpEdit::modifierIndicator).isEqualTo(1);
        assertThat(aoc.primariesFor("64643", null)).containsExactlyInAnyOrder("64642", "64644");
    }

    @Test
    void openDeletionDateStarIsInForceIndefinitely() {
        assertThat(ptp.find("95860", "95873", LocalDate.of(2099, 1, 1))).isPresent();
    }

    @Test
    void deletedAddOnEditNoLongerListsItsPrimary() {
        assertThat(aoc.primariesFor("64643", LocalDate.of(2019, 6, 1))).containsExactlyInAnyOrder("64642", "64644", "64640");
        assertThat(aoc.primariesFor("64643", LocalDate.of(2024, 7, 1))).containsExactlyInAnyOrder("64642", "64644");
    }

    @Test
    void datesAreReadInEveryLayoutCmsHasUsed() {
        CmsDates dates = new CmsDates();

        assertThat(List.of("20240701", "2024183", "2024-07-01", "7/1/2024")).allSatisfy(
                text -> assertThat(dates.parse(text)).isEqualTo(LocalDate.of(2024, 7, 1)));
        assertThat(List.of("*", "", "99991231")).allSatisfy(text -> assertThat(dates.parse(text)).isNull());
    }
}
