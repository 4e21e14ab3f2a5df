package cn.bipin.run;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job registry, declared here rather than left to Spring Batch's default: the default fills itself while the
 * {@code JobOperator} is created, which the nested-run steps need, so the jobs holding them would be missed and a
 * restart would find no job. {@link MapJobRegistry} registers every job once all singletons exist.
 */
@Configuration
class RunConfiguration {

    @Bean
    JobRegistry jobRegistry() {
        return new MapJobRegistry();
    }
}
