package vn.giamngheo.household;

/** Someone saved the household after this user started editing it; carries the newer values. */
public class ConcurrentEditException extends RuntimeException {

    private final transient Household current;

    public ConcurrentEditException(Household current) {
        super("household " + current.id() + " was changed by someone else (now version " + current.version() + ")");
        this.current = current;
    }

    public Household current() {
        return current;
    }
}
