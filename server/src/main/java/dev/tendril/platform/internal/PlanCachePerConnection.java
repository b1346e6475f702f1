package dev.tendril.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.tendril.platform.PlanCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Gives every connection pool, embedded database or external, {@link PlanCache#PER_CONNECTION} as its init SQL. */
@Component
class PlanCachePerConnection implements BeanPostProcessor {
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(PlanCache.PER_CONNECTION);
        }
        return bean;
    }
}
