package vn.giamngheo.document;

import java.util.List;

/**
 * A signature block: the signer's capacity in capitals ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), the note under
 * it ("(Ký, ghi rõ họ tên, đóng dấu)"), room to sign and seal, and the signer's full name.
 */
public record Signature(List<String> titleLines, String note, String name) {

    public Signature {
        titleLines = titleLines == null ? List.of() : titleLines.stream().map(Text::nfc).toList();
        note = Text.nfc(note);
        name = Text.nfc(name);
    }
}
