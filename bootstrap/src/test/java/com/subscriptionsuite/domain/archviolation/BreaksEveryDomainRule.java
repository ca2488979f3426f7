package com.subscriptionsuite.domain.archviolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.subscriptionsuite.bootstrap.ServerConfig;
import java.math.BigDecimal;
import java.time.Instant;

/** Test fixture only: a "domain" class that breaks the domain's rules, to prove they fail. */
public class BreaksEveryDomainRule {
    double share;

    Instant readsTheClock() {
        return Instant.now();
    }

    boolean comparesBigDecimalsWithEquals(BigDecimal a, BigDecimal b) {
        return a.equals(b);
    }

    Object usesJackson() {
        return new ObjectMapper();
    }

    Object usesJdbi() {
        return org.jdbi.v3.core.Jdbi.class;
    }

    Object usesFeign() {
        return feign.Feign.builder();
    }

    Object usesJavalin() {
        return io.javalin.Javalin.class;
    }

    Object dependsOnBootstrap() {
        return ServerConfig.class;
    }
}
