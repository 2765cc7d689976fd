/** The hour of the day where the federations are (Asia/Shanghai), whatever the device's clock zone. */
export const shanghaiHour = (now: Date = new Date()) =>
  Number(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', hour: 'numeric', hourCycle: 'h23' }).format(
      now,
    ),
  );

/** 早上好 / 中午好 / 下午好 / 晚上好 by the hour in China. */
export const greetingKey = (now: Date = new Date()) => {
  const hour = shanghaiHour(now);
  if (hour < 11) return 'home.greeting.morning' as const;
  if (hour < 13) return 'home.greeting.noon' as const;
  if (hour < 18) return 'home.greeting.afternoon' as const;
  return 'home.greeting.evening' as const;
};

type Translate = (key: string, options?: Record<string, string>) => string;

/** “下午好，陈小燕” / “Good afternoon, 陈小燕”: the greeting and her name, punctuated for the language. */
export const greetingText = (t: Translate, name: string, now: Date = new Date()) =>
  t('home.greetingName', { greeting: t(greetingKey(now)), name });
