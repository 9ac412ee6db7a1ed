package vn.giamngheo.exchange;

/** Degree of disability (mức độ khuyết tật). */
public enum Disability implements Coded {
    NONE, MILD, SEVERE, VERY_SEVERE
}
