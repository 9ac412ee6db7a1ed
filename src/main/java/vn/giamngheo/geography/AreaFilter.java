package vn.giamngheo.geography;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.giamngheo.security.AccessScope;

/**
 * The area condition of a query, written in one place: the subtree of a unit (a prefix of the materialised
 * {@code admin_unit.path}) and its province (the partition key {@code province_code} of the household-level
 * tables). The whole country has no condition. Callers write
 * <pre>{@code
 * AreaFilter area = AreaFilter.of(user.scope());
 * area.bind(jdbc.sql("SELECT … FROM household h JOIN admin_unit c ON c.id = h.commune_id WHERE "
 *         + area.on("h", "c") + " AND …"))
 * }</pre>
 * and never spell {@code path LIKE} or {@code province_code = :…} for an area themselves
 * ({@code AreaKernelGuardTest} fails when they do).
 *
 * <p>The path condition stays a {@code LIKE 'prefix%'} on a bound parameter (the {@code admin_unit_path_prefix}
 * index is {@code text_pattern_ops}); the province condition stays an equality so that the planner prunes the
 * partitions of {@code household}. Paths are made of unit ids and slashes, but the prefix is escaped anyway
 * ({@code \}, {@code %}, {@code _}) so that a prefix can never match more than its subtree.
 *
 * <p>Two filters in one query need different parameter names: {@link #named(String)}.
 */
public final class AreaFilter {

    private static final String DEFAULT_NAME = "area";

    private final String provinceCode;
    private final String path;
    private final String name;

    private AreaFilter(String provinceCode, String path, String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "': letters and digits only");
        }
        this.provinceCode = provinceCode;
        this.path = path;
        this.name = name;
    }

    /** The whole country: every condition is {@code TRUE}. */
    public static AreaFilter country() {
        return new AreaFilter(null, null, DEFAULT_NAME);
    }

    /**
     * One whole province partition (every unit of both eras that bears the code): the province condition alone,
     * for features that go over the country partition by partition.
     */
    public static AreaFilter province(String provinceCode) {
        if (provinceCode == null || !provinceCode.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("province code '" + provinceCode + "': expected two digits");
        }
        return new AreaFilter(provinceCode, null, DEFAULT_NAME);
    }

    /** The area a user may see. */
    public static AreaFilter of(AccessScope scope) {
        return scope.national() ? country() : under(scope.unitPath(), scope.provinceCode());
    }

    /** The subtree of a unit (the unit included). */
    public static AreaFilter of(AdminUnit unit) {
        return under(unit.path(), unit.provinceCode());
    }

    /**
     * The subtree of the unit with this path in this province; a {@code null} path is the whole country.
     *
     * @throws IllegalArgumentException when a path is given without its province, or is not a unit path
     */
    public static AreaFilter under(String path, String provinceCode) {
        if (path == null) {
            return country();
        }
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("unit path '" + path + "': expected /…/id/");
        }
        if (provinceCode == null || provinceCode.isBlank()) {
            throw new IllegalArgumentException("unit path '" + path + "' without its province code");
        }
        return new AreaFilter(provinceCode, path, DEFAULT_NAME);
    }

    /** The same area with parameters {@code :<name>Province} and {@code :<name>Path}. */
    public AreaFilter named(String parameterName) {
        return new AreaFilter(provinceCode, path, parameterName);
    }

    public boolean national() {
        return provinceCode == null;
    }

    /** The province code of the area, {@code null} for the whole country. */
    public String provinceCode() {
        return provinceCode;
    }

    /**
     * The condition on one alias that carries both {@code province_code} and {@code path} ({@code admin_unit}).
     */
    public String on(String unitAlias) {
        return on(unitAlias, unitAlias);
    }

    /**
     * The condition on a row of a partitioned table ({@code province_code} of {@code rowAlias}) whose unit is
     * {@code unitAlias} (an {@code admin_unit}: its {@code path}).
     */
    public String on(String rowAlias, String unitAlias) {
        if (national()) {
            return "TRUE";
        }
        if (path == null) {
            return partition(rowAlias);
        }
        return "(" + column(rowAlias, "province_code") + " = :" + provinceParameter() + " AND "
                + column(unitAlias, "path") + " LIKE :" + pathParameter() + ")";
    }

    /**
     * The partition condition alone ({@code province_code} of a household-level row), for a query whose units are
     * already limited by {@link #on(String)} elsewhere (a sub-query of the area's communes).
     */
    public String partition(String rowAlias) {
        return national() ? "TRUE" : column(rowAlias, "province_code") + " = :" + provinceParameter();
    }

    /**
     * The path condition alone, for a query whose partitions are chosen otherwise (the several provinces whose
     * partitions hold the households of a unit of before a merger).
     */
    public String path(String unitAlias) {
        return path == null ? "TRUE" : column(unitAlias, "path") + " LIKE :" + pathParameter();
    }

    /** Rows of the other partitions than the area's ({@code FALSE} for the whole country). */
    public String otherPartitions(String rowAlias) {
        return national() ? "FALSE" : column(rowAlias, "province_code") + " <> :" + provinceParameter();
    }

    /** The negation of {@link #on(String)}: units outside the area ({@code FALSE} for the whole country). */
    public String outside(String unitAlias) {
        return national() ? "FALSE" : "NOT " + on(unitAlias);
    }

    /** Binds the parameters of the condition (none for the whole country). */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        parameters().forEach(spec::param);
        return spec;
    }

    /** The parameters of the condition, for callers that collect them in a map. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!national()) {
            parameters.put(provinceParameter(), provinceCode);
        }
        if (path != null) {
            parameters.put(pathParameter(), escape(path) + "%");
        }
        return parameters;
    }

    /**
     * The condition "unit {@code descendantAlias} lies in the subtree of unit {@code ancestorAlias}" between two
     * {@code admin_unit} rows of one query (the unit itself included). Paths are ids and slashes: no escaping.
     */
    public static String subtree(String ancestorAlias, String descendantAlias) {
        return column(descendantAlias, "path") + " LIKE " + column(ancestorAlias, "path") + " || '%'";
    }

    /**
     * The condition "unit {@code ancestorAlias} is the unit with the path bound to {@code :pathParameter} or one of
     * its ancestors" (the provinces above a unit, for instance).
     */
    public static String ancestorOf(String pathParameter, String ancestorAlias) {
        if (!pathParameter.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("parameter name '" + pathParameter + "'");
        }
        return ":" + pathParameter + " LIKE " + column(ancestorAlias, "path") + " || '%'";
    }

    /** A text for LIKE that matches itself only. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    String provinceParameter() {
        return name + "Province";
    }

    String pathParameter() {
        return name + "Path";
    }

    private static String column(String alias, String column) {
        if (alias == null || alias.isEmpty()) {
            return column;
        }
        if (!alias.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("table alias '" + alias + "'");
        }
        return alias + "." + column;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AreaFilter f && java.util.Objects.equals(path, f.path)
                && java.util.Objects.equals(provinceCode, f.provinceCode) && name.equals(f.name);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, provinceCode, name);
    }

    @Override
    public String toString() {
        return national() ? "AreaFilter[country]" : "AreaFilter[" + provinceCode + (path == null ? "" : " " + path) + "]";
    }
}
