package org.chemoadvisor.spark;

import org.chemoadvisor.bulk.PatientKey;

/**
 * Which patient a line of the export belongs to ({@link PatientKey}: Claim.patient, Procedure.subject,
 * Coverage.beneficiary, a Patient itself, a Bundle's Claim), as the command splits its input. The job
 * groups by it, so each claim meets its patient's Procedures, Coverage and other claims. A line with
 * no patient reference gets a key of its own (it is reviewed alone).
 */
final class PatientKeys {

    private PatientKeys() {
    }

    static String of(String line) {
        String patient = PatientKey.of(line);
        return patient != null && !patient.equals(PatientKey.UNREADABLE) ? patient : "\u0000" + line.length() + ":" + line.hashCode();
    }
}
