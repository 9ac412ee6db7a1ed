package vn.giamngheo.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import vn.giamngheo.system.cli.DemoOption;

/**
 * The demonstration is loaded only when asked for ({@code --demo} or {@code giamngheo.demo.enabled=true}) and only on
 * the embedded database (with {@code spring.datasource.url} set the application refuses to start instead).
 */
public class DemoEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return DemoOption.requested(context.getEnvironment()) && !DemoOption.externalDatabase(context.getEnvironment());
    }
}
