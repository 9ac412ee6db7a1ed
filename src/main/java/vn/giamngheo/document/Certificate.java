package vn.giamngheo.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A certificate of a poor or near-poor household (form 03, Circular 07/2021/TT-BLĐTBXH).
 *
 * @param number the number given by the commune ("12"); blank leaves it to be written by hand
 * @param address house and street if any; the village and the units are added after it
 * @param stampYears one stamp box per year of the standard's period, in order (2027, 2028, 2029, 2030)
 * @param issuedOn the date of the certificate; null leaves it to be written by hand
 */
public record Certificate(Commune commune, HouseholdList list, String number, int listYear, String head,
        String address, String village, String householdCode, List<CertificateMember> members,
        List<Integer> stampYears, LocalDate issuedOn, String chairName) {

    public Certificate {
        if (commune == null || list == null) {
            throw new IllegalArgumentException("a certificate needs its commune and its list");
        }
        number = Text.nfc(number).strip();
        head = Text.nfc(head);
        address = Text.nfc(address);
        village = Text.nfc(village);
        householdCode = Text.nfc(householdCode);
        members = List.copyOf(members);
        stampYears = List.copyOf(stampYears);
        chairName = Text.nfc(chairName);
    }
}
