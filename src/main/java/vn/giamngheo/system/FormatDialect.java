package vn.giamngheo.system;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import vn.giamngheo.format.Formats;

/**
 * Gives every page {@code #fmt}: the {@link Formats} of the page's language, so that templates write
 * {@code ${#fmt.count(n)}}, {@code ${#fmt.rate(r, 2)}}, {@code ${#fmt.year(y)}}, {@code ${#fmt.date(d)}} instead of
 * {@code #numbers} with hand-picked separators.
 */
@Component
class FormatDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "fmt";

    FormatDialect() {
        super("giamngheo-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? Formats.of(context.getLocale()) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
