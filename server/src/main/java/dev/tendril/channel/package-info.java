/**
 * Channels: for now consent, a subscription status per contact and channel (email, SMS, push), kept
 * with a record of every change. Later the channel SPI, the outbox and dispatcher, suppression,
 * frequency caps and quiet hours (DESIGN.md).
 * <p>
 * Statuses are set through {@code /api/v1/contacts/{id}/subscriptions/{channel}}; each real change is
 * published as {@link dev.tendril.channel.SubscriptionChanged}. Conditions read them through
 * segmentation's {@code ContactSubscriptions} and templates through content's {@code ContactPreferences},
 * both implemented here: this module depends on those two (segmentation and content cannot call it), and
 * tells segmentation of changes through {@code SegmentInputs} in the changing transaction.
 */
package dev.tendril.channel;
