package io.commercesync.connector.dynamicsgp.econnect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored-procedure calls a transaction stands for, in eConnect serializer order (reference §2, §5):
 * SOP lines → tracking numbers → tax rows → user-defined → header; customer → addresses → internet
 * addresses; RM tax rows → RM document (taRMTransaction sums the RM10601 rows already there); GL lines → header. This is what the JDBC transport runs, one SQL transaction per transaction
 * type.
 *
 * <pre>{@code
 * for (ProcedureCall call : EConnectProcedures.calls(sopTransaction)) {
 *   // EXEC dbo.<call.procedure()> @I_vSOPTYPE = ?, ...
 * }
 * }</pre>
 */
public final class EConnectProcedures {

  private EConnectProcedures() {}

  /** The calls of {@code tx}, in order. */
  public static List<ProcedureCall> calls(EConnectTransaction tx) {
    List<ProcedureCall> calls = new ArrayList<>();
    if (tx instanceof SopTransactionType sop) {
      sop.lines().forEach(l -> calls.add(call(TaSopLineIvcInsert.NODE, l::visit, "SOPNUMBE", "SOPTYPE", "LNITMSEQ")));
      sop.trackingNumbers().forEach(t -> calls.add(call(TaSopTrackingNum.NODE, t::visit, "SOPNUMBE", "SOPTYPE")));
      sop.taxes().forEach(t -> calls.add(call(TaSopLineIvcTaxInsert.NODE, t::visit, "SOPNUMBE", "SOPTYPE", "LNITMSEQ")));
      if (sop.userDefined() != null) {
        calls.add(call(TaSopUserDefined.NODE, sop.userDefined()::visit, "SOPNUMBE", "SOPTYPE"));
      }
      if (sop.header() != null) {
        calls.add(call(TaSopHdrIvcInsert.NODE, sop.header()::visit, "SOPNUMBE", "SOPTYPE"));
      }
    } else if (tx instanceof RmCustomerMasterType rm) {
      if (rm.customer() != null) {
        calls.add(call(TaUpdateCreateCustomerRcd.NODE, rm.customer()::visit, "CUSTNMBR"));
      }
      rm.addresses().forEach(a -> calls.add(call(TaCreateCustomerAddress.NODE, a::visit, "CUSTNMBR", "ADRSCODE")));
      rm.internetAddresses().forEach(n -> calls.add(call(TaCreateInternetAddresses.NODE, n::visit, "Master_ID", "ADRSCODE")));
    } else if (tx instanceof IvItemMasterType iv) {
      if (iv.item() != null) {
        calls.add(call(TaUpdateCreateItemRcd.NODE, iv.item()::visit, "ITEMNMBR"));
      }
    } else if (tx instanceof RmCashReceiptsType cash) {
      if (cash.receipt() != null) {
        calls.add(call(TaRmCashReceiptInsert.NODE, cash.receipt()::visit, "DOCNUMBR", "CUSTNMBR"));
      }
    } else if (tx instanceof RmApplyType apply) {
      if (apply.apply() != null) {
        calls.add(call(TaRmApply.NODE, apply.apply()::visit, "APFRDCNM", "APTODCNM"));
      }
    } else if (tx instanceof RmTransactionType rm) {
      rm.taxes().forEach(t -> calls.add(call(TaRmTransactionTaxInsert.NODE, t::visit, "DOCNUMBR", "RMDTYPAL", "TAXDTLID")));
      if (rm.transaction() != null) {
        calls.add(call(TaRmTransaction.NODE, rm.transaction()::visit, "DOCNUMBR", "RMDTYPAL"));
      }
    } else if (tx instanceof GlTransactionType gl) {
      gl.lines().forEach(l -> calls.add(call(TaGlTransactionLineInsert.NODE, l::visit, "BACHNUMB", "JRNENTRY", "SQNCLINE")));
      if (gl.header() != null) {
        calls.add(call(TaGlTransactionHeaderInsert.NODE, gl.header()::visit, "BACHNUMB", "JRNENTRY"));
      }
    }
    return List.copyOf(calls);
  }

  private static ProcedureCall call(String node, java.util.function.Consumer<EConnectField.Visitor> visit,
      String... keys) {
    Map<String, Object> params = new LinkedHashMap<>();
    visit.accept((element, kind, max, required, value) -> {
      if (value != null) {
        params.put(element, value instanceof BigDecimal d ? d : value);
      }
    });
    return new ProcedureCall(node, params, List.of(keys));
  }
}
