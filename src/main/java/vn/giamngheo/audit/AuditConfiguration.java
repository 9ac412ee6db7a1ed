package vn.giamngheo.audit;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

    private final PersonalDataReads reads;

    AuditConfiguration(PersonalDataReads reads) {
        this.reads = reads;
    }

    /** Every read of personal data is recorded ({@link PersonalDataReadInterceptor}). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PersonalDataReadInterceptor(reads));
    }

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
