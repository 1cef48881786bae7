package org.yiyong.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The OpenAPI document at {@code /v3/api-docs}, written so that a client generated from it works.
 *
 * <ul>
 * <li>Request and response records are mostly nested in their controller
 * ({@code FundApi.ApprovalRequest}); their schemas are named after both, and a request
 * record is a body ({@code FundApprovalBody}), so that five different {@code ApprovalRequest}s
 * do not overwrite each other and no schema takes the name generators give an operation's parameters
 * ({@code <operation>Request}).
 * <li>An operation is named after its controller and method, which is
 * unique ({@code fundApprove}, or with the HTTP method where one controller has two of a name), stays
 * the same when other controllers are added, and never takes a name the generated client uses itself
 * (such as {@code request}); an {@code operationId} given in {@code @Operation} is kept, so that the
 * operations of a controller split in several keep their names.
 * <li>Files are binary, not base64 text; the local time of an act is a date-time without an offset;
 * calls authenticate with a personal access token as a bearer token.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "personal-access-token";

    static {
        SpringDocUtils.getConfig()
                .replaceWithSchema(byte[].class, new StringSchema().types(Set.of("string")).format("binary"));
    }

    @Bean
    OpenAPI yiyongApi() {
        return new OpenAPI()
                .info(new Info().title("义勇 Yiyong API").version("v1")
                        .description("Errors are RFC 9457 problem+json; field errors name the field in `errors`."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("a personal access token (yy_…), created under “API 访问令牌” when signed in")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    ModelResolver schemaNamesWithTheirController() {
        return new ModelResolver(Json.mapper(), new NamesWithEnclosingType()) {
            @Override
            public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> next) {
                if (_mapper.constructType(type.getType()).getRawClass() == LocalDateTime.class) {
                    return localDateTime();
                }
                return super.resolve(type, context, next);
            }
        };
    }

    /** The local time of an act: written as in the city, never with an offset. */
    private static Schema<String> localDateTime() {
        Schema<String> schema = new StringSchema();
        schema.types(Set.of("string")); // what OpenAPI 3.1 reads
        return schema.format("local-date-time")
                .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?$")
                .example("2026-11-20T05:30:00")
                .description("a local date-time in the city's zone (Asia/Shanghai), without an offset");
    }

    @Bean
    OperationCustomizer operationNamesWithTheirController() {
        return (operation, handler) -> {
            io.swagger.v3.oas.annotations.Operation named = AnnotatedElementUtils.findMergedAnnotation(
                    handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
            if (named != null && !named.operationId().isBlank()) {
                // named explicitly: kept, e.g. when a controller is split and its operations keep their names
                operation.setOperationId(named.operationId());
                return operation;
            }
            String owner = owner(handler.getBeanType().getSimpleName());
            String method = handler.getMethod().getName();
            String id = owner.substring(0, 1).toLowerCase(Locale.ROOT) + owner.substring(1)
                    + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1);
            long sameName = Arrays.stream(handler.getBeanType().getDeclaredMethods())
                    .filter(other -> other.getName().equals(method))
                    .filter(other -> AnnotatedElementUtils.hasAnnotation(other, RequestMapping.class))
                    .count();
            if (sameName > 1) {
                // two handlers of one name (a batch read and a batch made): told apart by their HTTP method
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                        RequestMapping.class);
                String verb = mapping == null || mapping.method().length == 0 ? "" : mapping.method()[0].name();
                id += verb.isEmpty() ? "" : verb.charAt(0) + verb.substring(1).toLowerCase(Locale.ROOT);
            }
            operation.setOperationId(id);
            return operation;
        };
    }

    /** {@code FundApiController} → {@code Fund}. */
    static String owner(String type) {
        for (String suffix : new String[] {"ApiController", "Controller", "Api"}) {
            if (type.endsWith(suffix) && type.length() > suffix.length()) {
                return type.substring(0, type.length() - suffix.length());
            }
        }
        return type;
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
            String qualified = name.startsWith(owner) ? name : owner + name;
            return qualified.endsWith("Request")
                    ? qualified.substring(0, qualified.length() - "Request".length()) + "Body"
                    : qualified;
        }
    }
}
