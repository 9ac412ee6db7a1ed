package vn.giamngheo.programme;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST controller of the programme family (catalogue, budget, monitoring): its errors are answered in the
 * programme's JSON format, so the budget and monitoring modules keep it without the programme naming them.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProgrammeApi {
}
