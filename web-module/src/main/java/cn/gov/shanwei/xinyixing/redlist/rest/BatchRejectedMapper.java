package cn.gov.shanwei.xinyixing.redlist.rest;

import cn.gov.shanwei.xinyixing.redlist.boundary.BatchRejectedException;
import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A refused batch is a 422 {@code BATCH_REJECTED} with every reason and its entry index. */
@Provider
public class BatchRejectedMapper implements ExceptionMapper<BatchRejectedException> {

    /** The body of a refused batch: every reason with its entry index (-1: the batch as a whole). */
    public record BatchRejection(String code, String message, List<Rejection> rejections) {
    }

    @Override
    public Response toResponse(BatchRejectedException rejected) {
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new BatchRejection("BATCH_REJECTED",
                        "批次被拒绝，未做任何更改 / The batch was rejected; nothing was changed", rejected.rejections()))
                .build();
    }
}
