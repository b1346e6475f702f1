package dev.tendril.segment.internal;

import dev.tendril.condition.DerivedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where conditions read list and segment membership ({@code inList}, {@code inSegment}): this module's tables. */
@Configuration(proxyBeanMethods = false)
class MembershipTables {
    @Bean
    DerivedTable listMembers() {
        return new DerivedTable.Memberships(DerivedTable.Memberships.Of.LISTS, "contact_list_member", "list_id");
    }

    @Bean
    DerivedTable segmentMembers() {
        return new DerivedTable.Memberships(DerivedTable.Memberships.Of.SEGMENTS, "segment_membership", "segment_id");
    }
}
