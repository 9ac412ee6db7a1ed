package vn.giamngheo.areaclass;

import java.util.Map;
import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

/** A list refused whole: every problem with its file, line and field; nothing was stored (400). */
class ImportRefusedException extends RuntimeException implements ErrorCoded {

    private final transient ImportResult result;

    ImportRefusedException(ImportResult result) {
        super(result.problems().size() + " problem(s) in " + result.file() + "; nothing was stored");
        this.result = result;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.INVALID_DATA;
    }

    @Override
    public Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members(getMessage(), result.problems().stream().map(p -> ErrorCoded.item(
                "file", p.file(), "line", p.line(), "field", p.field(), "value", p.value(), "code", p.messageKey(),
                "message", texts.text(p.messageKey(), p.argArray(), p.messageKey()))).toList());
    }
}
