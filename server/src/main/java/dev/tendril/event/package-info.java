/**
 * Event ingestion wire-compatible with the Segment HTTP Tracking API, the event store (partitioned by
 * month), per-contact daily counters and behaviour metrics, and the contact timeline. After each
 * committed transaction of batches (requests arriving together are stored together) it publishes
 * {@link dev.tendril.event.ContactsChanged}.
 */
package dev.tendril.event;
