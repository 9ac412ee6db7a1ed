package vn.giamngheo.exchange;

/** A device for access to information (phương tiện tiếp cận thông tin). */
public enum InfoDevice implements Coded {
    TV, RADIO, COMPUTER, SMARTPHONE, PHONE
}
