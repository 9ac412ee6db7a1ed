package vn.giamngheo.document;

import java.util.List;

/** The annex's wording shared by its PDF and XLSX forms. */
record AnnexText(DocumentLabels labels, DecisionAnnex annex) {

    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    String title() {
        return labels.get("document.annex.title", String.valueOf(annex.listYear()));
    }

    /** "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2026 của Chủ tịch Ủy ban nhân dân Xã Nà Hẩu)". */
    String attachedTo() {
        return labels.get("document.annex.attached-to", annex.decisionNumber(),
                PlaceDate.shortDate(annex.decisionDate()), annex.commune().inSentence());
    }

    String sectionTitle(AnnexSection section) {
        return ROMAN[section.ordinal()] + ". " + labels.get("document.annex.section." + section.name());
    }

    String total(AnnexSection section) {
        return labels.get("document.annex.total", annex.households(section).size(), annex.members(section));
    }

    String placeDate() {
        return PlaceDate.line(labels, annex.commune().commune(), annex.decisionDate());
    }

    Signature signature() {
        return new Signature(List.of(labels.get("document.signer.on-behalf"), labels.get("document.signer.chair")),
                labels.get("document.signer.note-seal"), annex.chairName());
    }
}
