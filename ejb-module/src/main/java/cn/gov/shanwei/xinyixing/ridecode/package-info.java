/**
 * R8: the 善美码 — issuer keys, the authorisations phones sign codes with, server-made codes and
 * their QR images, the validators' eight checks, and the blacklist of revocation cut-offs.
 * {@code control} is plain Java with Bouncy Castle only, so a validator vendor can reuse it offline.
 *
 * <p><b>Owns</b> {@code ridecode_ca_key}, {@code ridecode_issuer_key}, {@code blacklist_entry}.
 * <b>Uses</b> {@code account}, {@code eligibility}, {@code payment}, {@code platform}.
 * <b>Observes</b> {@code AccountClosed}, {@code DiscountWithdrawn}, {@code PaymentAgreementStopped},
 * {@code ArrearsIncurred} (in {@link cn.gov.shanwei.xinyixing.ridecode.boundary.CredentialRevocation}, in the firing
 * transaction). <b>Publishes</b> no events yet.
 */
package cn.gov.shanwei.xinyixing.ridecode;
