package cn.gov.shanwei.xinyixing.eligibility.rest;

import cn.gov.shanwei.xinyixing.eligibility.boundary.ConcessionRegister;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused concession import is a 422 listing every problem by row; nothing was imported. */
@Provider
public class ImportRefusedMapper implements ExceptionMapper<ConcessionRegister.ImportRefused> {

    @Override
    public Response toResponse(ConcessionRegister.ImportRefused refused) {
        return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ConcessionResource.ImportOutcome("IMPORT_REJECTED", 0, refused.problems())).build();
    }
}
