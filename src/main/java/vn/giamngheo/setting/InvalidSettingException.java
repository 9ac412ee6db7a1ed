package vn.giamngheo.setting;

import java.util.List;
import java.util.stream.Collectors;

/** A change of a parameter or of the holiday calendar was refused; nothing was stored. */
public class InvalidSettingException extends RuntimeException {

    private final transient List<SettingProblem> problems;

    public InvalidSettingException(List<SettingProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.text()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SettingProblem> problems() {
        return problems;
    }
}
