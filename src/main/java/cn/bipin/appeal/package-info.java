/**
 * The enterprise appeals ledger (企业诉求台账, DOMAIN §6.1, seed 000 Annex 2): cases received from the units'
 * ledger files (append-only, one version per re-sent case), the deadline rules on the working-day calendar (D12),
 * the figures derived per unit and period that a scheme may score ({@code appeals.dimensions}), the lists of overdue
 * and wrong-level cases for the bulletin and the units' feedback, and the ledger template. The file reading and row
 * checking ({@link cn.bipin.appeal.LedgerTable}, {@link cn.bipin.appeal.LedgerColumn}) know nothing of appeals and
 * serve any case ledger.
 */
package cn.bipin.appeal;
