package io.commercesync.connector.dynamicsgp;

import io.commercesync.connector.dynamicsgp.econnect.ProcedureCall;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link JdbcEconnectTransport} turns a {@link ProcedureCall} into SQL. The statement binds every value
 * through a {@code ?} placeholder (never string concatenation) and its last result set holds two columns:
 * the error state ({@code @O_iErrorState}) and the error string ({@code @oErrString}, space-separated error
 * numbers, reference §4).
 *
 * <p>{@link #SQL_SERVER} names every parameter ({@code @I_vSOPTYPE = ?}), so only the parameters that are set
 * are sent and GP's defaults apply to the rest (reference §5).
 */
public interface ProcedureCallDialect {

  /** The statement for {@code call} (values bound in {@link ProcedureCall#parameters()} order). */
  String callSql(ProcedureCall call);

  /** The statement reading descriptions: {@code ErrorCode, SourceProc, ErrorDesc, ErrorKeyFields, ErrorParms} for one {@code ?}. */
  String errorCodeSql();

  /** SQL Server: a named EXEC of {@code dbo.<procedure>} reading the outputs back with a SELECT. */
  ProcedureCallDialect SQL_SERVER = new ProcedureCallDialect() {
    @Override
    public String callSql(ProcedureCall call) {
      List<String> args = new ArrayList<>();
      for (String name : call.parameters().keySet()) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException("not a parameter name: " + name);
        }
        args.add("@I_v" + name + " = ?");
      }
      args.add("@O_iErrorState = @e OUTPUT");
      args.add("@oErrString = @s OUTPUT");
      if (!call.procedure().matches("ta[A-Za-z]+")) {
        throw new IllegalArgumentException("not an eConnect procedure: " + call.procedure());
      }
      return "SET NOCOUNT ON; DECLARE @rv int, @e int, @s varchar(255); EXEC @rv = dbo." + call.procedure() + " "
          + String.join(", ", args) + "; SELECT COALESCE(NULLIF(@e, 0), @rv, 0) AS ErrorState, @s AS ErrString;";
    }

    @Override
    public String errorCodeSql() {
      return "SELECT ErrorCode, SourceProc, ErrorDesc, ErrorKeyFields, ErrorParms FROM DYNAMICS..taErrorCode WHERE ErrorCode = ?";
    }
  };
}
