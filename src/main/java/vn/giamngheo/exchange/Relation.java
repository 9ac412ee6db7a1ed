package vn.giamngheo.exchange;

/** A member's relation to the head of household (chủ hộ). */
public enum Relation implements Coded {
    HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER
}
