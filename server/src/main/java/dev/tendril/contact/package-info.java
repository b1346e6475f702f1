/**
 * Contacts (leads) and companies: reserved fields and typed custom attributes, identity (email, external id,
 * anonymous ids, merge), consent ({@link dev.tendril.contact.Subscriptions}), lifecycle stages
 * ({@link dev.tendril.contact.LifecycleStages}), contact locking ({@link dev.tendril.contact.ContactLocks}) and CSV
 * import. Other modules read contacts through {@link dev.tendril.contact.Contacts} and resolve identities through
 * {@link dev.tendril.contact.Identities}. Changes are published as {@link dev.tendril.contact.ContactsEdited},
 * {@link dev.tendril.contact.CompanyEdited}, {@link dev.tendril.contact.StageChanged},
 * {@link dev.tendril.contact.SubscriptionChanged}, {@link dev.tendril.contact.ContactsMerged} and
 * {@link dev.tendril.contact.ContactDeleted}, inside the changing transaction.
 */
package dev.tendril.contact;
