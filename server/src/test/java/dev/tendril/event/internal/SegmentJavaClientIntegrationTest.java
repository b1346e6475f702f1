package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The official Segment Java client, pointed at Tendril, delivers every call type unchanged. */
@IntegrationTest
class SegmentJavaClientIntegrationTest {
    @Autowired TestTenants tenants;

    @Test
    void officialClientDeliversIdentifyTrackPageGroupAliasAndBatches() throws Exception {
        TestTenant t = tenants.create();
        int calls = 8;
        CountDownLatch delivered = new CountDownLatch(calls);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Analytics analytics = Analytics.builder(t.writeKey())
                .endpoint(t.baseUrl())
                .flushQueueSize(3)
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        delivered.countDown();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                        delivered.countDown();
                    }
                })
                .build();
        try {
            analytics.enqueue(PageMessage.builder("Pricing").anonymousId("device-1").properties(Map.of("path", "/pricing")));
            analytics.enqueue(IdentifyMessage.builder().userId("java-user").anonymousId("device-1")
                    .traits(Map.of("email", "java@client.dev", "firstName", "Jay", "seats", 7)));
            analytics.enqueue(TrackMessage.builder("Demo Requested").userId("java-user").properties(Map.of("plan", "pro")));
            analytics.enqueue(TrackMessage.builder("Content Downloaded").userId("java-user"));
            analytics.enqueue(GroupMessage.builder("acme-group").userId("java-user").traits(Map.of("name", "Acme Java", "employees", 40)));
            analytics.enqueue(TrackMessage.builder("Webinar Attended").userId("legacy-id"));
            analytics.enqueue(AliasMessage.builder("legacy-id").userId("java-user"));
            analytics.enqueue(PageMessage.builder("Docs").userId("java-user").properties(Map.of("path", "/docs")));
            analytics.flush();
            assertThat(delivered.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            analytics.shutdown();
        }
        assertThat(failures).isEmpty();

        var contacts = t.api("GET", "/api/v1/contacts", null);
        assertThat(contacts.json().at("/data").size()).isEqualTo(1);
        String id = contacts.text("/data/0/id");
        assertThat(contacts.text("/data/0/email")).isEqualTo("java@client.dev");
        assertThat(contacts.text("/data/0/externalId")).isEqualTo("java-user");
        assertThat(contacts.json().at("/data/0/attributes/seats").asInt()).isEqualTo(7);
        assertThat(t.api("GET", "/api/v1/companies/" + contacts.text("/data/0/companyId"), null).text("/name")).isEqualTo("Acme Java");
        var timeline = t.api("GET", "/api/v1/contacts/" + id + "/events?limit=100", null);
        assertThat(timeline.json().at("/data").findValuesAsString("type"))
                .containsExactlyInAnyOrder("page", "identify", "track", "track", "group", "track", "alias", "page");
        assertThat(timeline.json().at("/data").findValuesAsString("messageId")).doesNotContainNull().doesNotHaveDuplicates();
        var behavior = t.api("GET", "/api/v1/contacts/" + id + "/behavior", null);
        assertThat(behavior.json().at("/pricingPageViews").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/pageViews").asInt()).isEqualTo(2);
        assertThat(behavior.json().at("/demoRequests").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/webinarAttendance").asInt()).isEqualTo(1);
    }
}
