package org.yiyong.leads;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiyong.FullStackTest;

/**
 * Sending leads through the public form as a browser would, each test from client addresses of its
 * own so that the per-address throttle of one test never meets another's.
 */
abstract class LeadTestSupport extends FullStackTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    /** The smallest JPEG header the content sniffer accepts as a photo. */
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};

    /** A client address no other test uses. */
    static String freshAddress() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    LocalDate today() {
        return clock.today();
    }

    /** A complete lead in Jinjiang: what happened yesterday, by an anonymous reporter. */
    Map<String, String> jinjiangLead(String narrative) {
        return Map.of("narrative", narrative, "occurredOn", today().minusDays(1).toString(),
                "occurredTime", "18:30", "regionCode", "350582", "address", "晋江市安海镇安平桥东侧");
    }

    ResultActions submit(String address, Map<String, String> fields, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/public/leads/new");
        fields.forEach(request::param);
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return mvc.perform(request.with(csrf()).with(from(address)));
    }

    static String trackingCode(ResultActions result) {
        var modelAndView = result.andReturn().getModelAndView();
        return modelAndView == null ? null : (String) modelAndView.getModel().get("trackingCode");
    }

    long leadId(String trackingCode) {
        return jdbc.sql("select id from lead where tracking_code = :code").param("code", trackingCode)
                .query(Long.class).single();
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static MockMultipartFile photo(String name) {
        return new MockMultipartFile("files", name, "image/jpeg", JPEG);
    }
}
