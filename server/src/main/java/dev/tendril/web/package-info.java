/**
 * The web UI: server-rendered jte pages with htmx for partial updates. Each page reads and writes
 * through the owning module's public services; nothing here touches another module's tables.
 */
package dev.tendril.web;
