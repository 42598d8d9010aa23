package dev.paygo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paygo.client.models.UsagePaygoResponseItem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Java SDK's generated models as a client uses them: reading a 1,550-record usage answer into models (each
 * field parsed once, when read) and then reading every record's cost and quantity again (getters only return what
 * was parsed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SdkModelBench {
    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] answer;
    private List<UsagePaygoResponseItem> items;

    @Setup
    public void setUp() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1550; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"BillingCurrency":"USD","BillingPeriodStart":"2025-03-01T00:00:00Z",\
                    "ChargePeriodStart":"2025-03-%02dT00:00:00Z","ChargePeriodEnd":"2025-03-%02dT00:00:00Z",\
                    "ConsumedQuantity":98765.4321,"ConsumedUnit":"request","ContractedCost":0.029629,\
                    "CumulatedContractedCost":%d.0296,"CumulatedPricingQuantity":987654,"PricingQuantity":98765,\
                    "ServiceName":"Workers Standard Requests","ServiceFamilyName":"Workers"}"""
                    .formatted(1 + i % 28, 2 + i % 28, i));
        }
        answer = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
        items = read();
    }

    private List<UsagePaygoResponseItem> read() throws Exception {
        JsonNode array = mapper.readTree(answer);
        List<UsagePaygoResponseItem> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            out.add(UsagePaygoResponseItem.fromJson((ObjectNode) item));
        }
        return out;
    }

    @Benchmark
    public List<UsagePaygoResponseItem> readAnswerIntoModels() throws Exception {
        return read();
    }

    @Benchmark
    public BigDecimal readEveryCostAndQuantity() {
        BigDecimal sum = BigDecimal.ZERO;
        for (UsagePaygoResponseItem item : items) {
            sum = sum.add(item.contractedCost()).add(item.consumedQuantity()).add(item.cumulatedContractedCost());
        }
        return sum;
    }
}
