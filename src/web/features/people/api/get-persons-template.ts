/** GET /api/v1/people/persons/template: 人员信息导入模板.xlsx, downloaded through a plain link. */
export const personsTemplateUrl = '/api/v1/people/persons/template';
