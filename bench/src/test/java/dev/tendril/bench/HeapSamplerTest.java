package dev.tendril.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void sumsTheHeapPoolsOnly() {
        String scrape = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 4.194304E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.048576E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 5.36870912E8
                """;
        assertThat(HeapSampler.heapUsed(scrape)).isEqualTo(52_428_800L);
    }
}
