package com.superkabe.kit.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link OrgId} controller parameters from the key the filter already checked. */
public class OrgIdResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == OrgId.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object org = request.getAttribute(ApiKeyFilter.ORG_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (org == null) {
            throw new IllegalStateException("OrgId is only available under /api/ (the API-key filter sets it)");
        }
        return org;
    }
}
