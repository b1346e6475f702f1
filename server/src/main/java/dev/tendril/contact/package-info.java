/**
 * Contacts (leads) and companies: reserved fields and typed custom attributes, identity (email,
 * external id, anonymous ids, merge), CSV import. Other modules read contacts through
 * {@link dev.tendril.contact.Contacts} and resolve identities through {@link dev.tendril.contact.Identities}.
 */
package dev.tendril.contact;
