package vn.giamngheo.document;

/** A member as the certificate lists them; {@code relation} is the label to print ("Chủ hộ", "Vợ", "Con"). */
public record CertificateMember(String fullName, Integer birthYear, String relation) {

    public CertificateMember {
        fullName = Text.nfc(fullName);
        relation = Text.nfc(relation);
    }
}
