package org.yiyong.honours;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.yiyong.ConfirmedDeeds;
import org.yiyong.FullStackTest;
import org.yiyong.honours.internal.Honours;

/** Honours need confirmed people: this walks a fresh deed to its confirmation through the API. */
abstract class HonoursTestBase extends FullStackTest {

    protected ResultActions call(String user, String path, String body) throws Exception {
        return mvc.perform(post(path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The text of a PDF without white space, as a reader would search it. */
    protected static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    /**
     * A deed of the region confirmed today (the clock moves 7 days for the public notice), investigated by
     * the given organization; returns the registry id of the confirmed person and the deed id.
     */
    protected long[] confirmed(String user, String region, String station) throws Exception {
        return confirmedTogether(user, region, station, 1);
    }

    /** A deed of several actors, all confirmed: their registry ids in order, then the deed id. */
    protected long[] confirmedTogether(String user, String region, String station, int actors) throws Exception {
        return new ConfirmedDeeds(mvc, jdbc, clock, this::as).confirm(user, region, station, actors);
    }
}
