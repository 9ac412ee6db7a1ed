package vn.giamngheo.plan;

/** No such plan or unit in the user's area (404). */
public class PlanNotFoundException extends RuntimeException {

    public PlanNotFoundException(String message) {
        super(message);
    }
}
