/** Today as the users count days (Asia/Shanghai), `YYYY-MM-DD`, whatever the server's own time zone. */
export const shanghaiToday = (now = new Date()) =>
  now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
