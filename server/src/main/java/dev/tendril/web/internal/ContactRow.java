package dev.tendril.web.internal;

import dev.tendril.contact.ContactView;

/** A contact as one row of the list, with its company's name looked up. */
public record ContactRow(ContactView contact, String companyName) {}
