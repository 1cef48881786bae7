package org.yiyong.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}. Request and response records are mostly nested in their
 * controller ({@code PaymentOrderApiController.ApprovalRequest}); their schemas are named after both
 * ({@code PaymentOrderApprovalRequest}), so that five different {@code ApprovalRequest}s do not
 * overwrite each other and generated clients send the right body to each operation.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    ModelResolver schemaNamesWithTheirController() {
        return new ModelResolver(Json.mapper(), new NamesWithEnclosingType());
    }

    static final class NamesWithEnclosingType extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            Class<?> enclosing = type.getEnclosingClass();
            if (enclosing == null || !name.equals(type.getSimpleName())) {
                return name; // a top-level type, or one named with @Schema(name = …)
            }
            String owner = owner(enclosing.getSimpleName());
            return name.startsWith(owner) ? name : owner + name;
        }

        private static String owner(String enclosing) {
            for (String suffix : new String[] {"ApiController", "Controller", "Api"}) {
                if (enclosing.endsWith(suffix) && enclosing.length() > suffix.length()) {
                    return enclosing.substring(0, enclosing.length() - suffix.length());
                }
            }
            return enclosing;
        }
    }
}
