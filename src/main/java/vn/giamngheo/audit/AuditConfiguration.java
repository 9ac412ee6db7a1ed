package vn.giamngheo.audit;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Wraps the application's data source so audit rows name the acting user. */
    @Bean
    static BeanPostProcessor actorTaggingDataSourcePostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof ActorTaggingDataSource)) {
                    return new ActorTaggingDataSource(dataSource);
                }
                return bean;
            }
        };
    }
}
