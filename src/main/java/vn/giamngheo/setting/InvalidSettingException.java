package vn.giamngheo.setting;

import vn.giamngheo.problem.ErrorCode;
import vn.giamngheo.problem.ErrorCoded;

import java.util.List;
import java.util.stream.Collectors;

/** A change of a parameter or of the holiday calendar was refused; nothing was stored. */
public class InvalidSettingException extends RuntimeException implements ErrorCoded {

    private final transient List<SettingProblem> problems;

    public InvalidSettingException(List<SettingProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.text()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }

    @Override
    public ErrorCode errorCode() {
        return ErrorCode.SETTING_INVALID;
    }

    @Override
    public String errorMessage() {
        return null;
    }

    @Override
    public java.util.Map<String, Object> errorMembers(Texts texts) {
        return ErrorCoded.members(getMessage(), problems.stream().map(p -> ErrorCoded.item(
                "field", p.field(), "code", p.messageKey(), "message", texts.text(p.messageKey(), p.argArray(), p.text()))).toList());
    }
}
