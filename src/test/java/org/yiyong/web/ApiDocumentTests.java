package org.yiyong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiyong.FullStackTest;

/**
 * The OpenAPI document matches the controllers, so that a client generated from it works: every JSON
 * body is documented with the record the controller really reads, and the signed-in user is never a
 * parameter.
 */
class ApiDocumentTests extends FullStackTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private DocumentContext document() throws Exception {
        return JsonPath.parse(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    @Test
    void no_operation_lists_the_signed_in_user_as_a_parameter() throws Exception {
        List<String> named = document().read("$.paths.*.*.parameters[?(@.name == 'me')].name");
        assertThat(named).isEmpty();
    }

    @Test
    void operations_have_stable_unique_names_that_generated_clients_can_use() throws Exception {
        DocumentContext document = document();
        List<String> ids = document.read("$.paths.*.*.operationId");
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z0-9]*"));
        // names a generated client keeps for itself (typescript-fetch's BaseAPI, for one)
        assertThat(ids).doesNotContain("request", "clone", "fetchApi", "withMiddleware", "createFetchParams");
        assertThat(ids).contains("fundApprove", "protectionRequest");
        // generators name an operation's parameters <OperationId>Request: no schema may be called that
        Map<String, Object> schemas = document.read("$.components.schemas");
        for (String id : ids) {
            assertThat(schemas).doesNotContainKey(Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Request");
        }
    }

    @Test
    void files_are_binary_act_times_local_and_calls_authenticated_by_token() throws Exception {
        DocumentContext document = document();
        List<String> byteFormats = document.read("$..[?(@.format == 'byte')].format");
        assertThat(byteFormats).as("files documented as base64 text").isEmpty();
        assertThat((String) document.read("$.paths['/api/v1/donations/{id}/receipt'].get.responses['200']"
                + ".content['application/pdf'].schema.format")).isEqualTo("binary");
        assertThat((String) document.read("$.components.schemas.DeedNewDeedBody.properties.occurredAt.format"))
                .isEqualTo("local-date-time");
        assertThat((String) document.read("$.components.schemas.DeedNewDeedBody.properties.occurredAt.type"))
                .isEqualTo("string");
        assertThat((String) document.read("$.components.securitySchemes.personal-access-token.scheme"))
                .isEqualTo("bearer");
    }

    @Test
    void every_json_body_is_documented_with_the_record_its_controller_reads() throws Exception {
        DocumentContext document = document();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mappings.getHandlerMethods().entrySet()) {
            Class<?> body = Arrays.stream(handler.getValue().getMethodParameters())
                    .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                    .map(MethodParameter::getParameterType).findFirst().orElse(null);
            if (body == null || !body.isRecord()) {
                continue;
            }
            Set<String> fields = new TreeSet<>();
            for (RecordComponent component : body.getRecordComponents()) {
                fields.add(component.getName());
            }
            for (String path : handler.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : handler.getKey().getMethodsCondition().getMethods()) {
                    String operation = "$.paths['" + path + "']." + method.name().toLowerCase(Locale.ROOT);
                    List<String> refs = document.read(operation + ".requestBody.content.*.schema['$ref']");
                    if (refs.isEmpty()) {
                        wrong.add(method + " " + path + ": no body documented, expects " + body.getSimpleName());
                        continue;
                    }
                    String schema = refs.get(0).substring(refs.get(0).lastIndexOf('/') + 1);
                    Map<String, Object> properties = document.read(
                            "$.components.schemas['" + schema + "'].properties");
                    Set<String> documented = new TreeSet<>(properties == null ? Set.of() : properties.keySet());
                    if (!documented.equals(fields)) {
                        wrong.add(method + " " + path + ": documented " + schema + documented + ", reads "
                                + body.getName() + fields);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).as("JSON bodies checked").isGreaterThan(50);
        assertThat(wrong).isEmpty();
    }
}
