package vn.giamngheo.household;

/** The commune a household lives in, as the registry needs it. */
public record CommuneRef(long id, String code, String provinceCode, String path, String areaType) {
}
