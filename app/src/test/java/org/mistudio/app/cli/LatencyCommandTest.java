package org.mistudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code mistudio latency} runs the live decoding path of a network and reports its percentiles (no timing bound). */
class LatencyCommandTest {

    @Test
    void reportsOrderedPercentilesPerNetwork() throws Exception {
        CliTest.Run r = CliTest.run("latency", "--models", "eegnet", "--channels", "8", "--rate", "128", "--window",
                "1", "--chunk", "16", "--predictions", "20", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals(128, doc.get("window_samples").asInt());
        JsonNode row = doc.get("rows").get(0);
        assertEquals("eegnet", row.get("network").asText());
        assertEquals(20, row.get("predictions").asInt());
        double median = row.get("median_ms").asDouble();
        double p99 = row.get("p99_ms").asDouble();
        double max = row.get("max_ms").asDouble();
        assertTrue(median > 0 && median <= p99 && p99 <= max, median + " " + p99 + " " + max);
    }
}
