import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Input, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../../components/page-states';
import { useSession } from '../../../lib/session';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import {
  type FeaturedCategoryOptions,
  useFeaturedCategories,
  useSaveFeaturedCategories,
} from '../api/featured';
import { newCode } from './rubric-editor';

type Category = FeaturedCategoryOptions['categories'][number];

/** 特色庭院 categories of the county/town: add, rename, remove (codes already used keep their records). */
export const FeaturedCategoriesEditor = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const onError = useApiErrorHandler();
  const options = useFeaturedCategories();
  const save = useSaveFeaturedCategories();
  const [list, setList] = useState<Category[]>([]);
  useEffect(() => {
    if (options.data) setList(options.data.categories);
  }, [options.data]);
  const canManage = access.canManageCourtyards && access.isRootUnit;
  if (options.isPending) return <PageLoading rows={3} />;
  if (options.isError) return <PageError error={options.error} onRetry={() => void options.refetch()} />;
  const isBad = list.some((c) => !c.label.zh.trim()) || list.length === 0;

  return (
    <Collapse
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'categories',
          label: t(canManage ? 'courtyards.featured.categoriesCount' : 'courtyards.featured.categoriesView', {
            count: list.length,
          }),
          children: (
            <div>
              {options.data.isDefault && (
                <Alert
                  type="info"
                  showIcon
                  title={t('courtyards.featured.defaultNote')}
                  style={{ marginBottom: 12 }}
                />
              )}
              {!canManage ? (
                <Space wrap>
                  {list.map((c) => (
                    <Tag key={c.code} color="magenta">
                      {c.label.zh}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <>
                  <div
                    style={{
                      display: 'grid',
                      gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
                      gap: 8,
                    }}
                  >
                    {list.map((c, n) => (
                      <Space.Compact key={c.code}>
                        <Input
                          value={c.label.zh}
                          maxLength={20}
                          status={c.label.zh.trim() ? undefined : 'error'}
                          onChange={(e) =>
                            setList((l) =>
                              l.map((x, i) =>
                                i === n ? { ...x, label: { ...x.label, zh: e.target.value } } : x,
                              ),
                            )
                          }
                          aria-label={t('courtyards.featured.category')}
                        />
                        <Button
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => setList((l) => l.filter((_, i) => i !== n))}
                          aria-label={t('courtyards.featured.removeCategory')}
                        />
                      </Space.Compact>
                    ))}
                  </div>
                  <Space style={{ marginTop: 12 }}>
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() =>
                        setList((l) => [...l, { code: newCode('c'), label: { zh: '', en: '' } }])
                      }
                    >
                      {t('courtyards.featured.addCategory')}
                    </Button>
                    <Button
                      type="primary"
                      disabled={isBad}
                      loading={save.isPending}
                      onClick={() =>
                        save.mutate(
                          {
                            categories: list.map((c) => ({
                              code: c.code,
                              label: { zh: c.label.zh.trim(), en: c.label.en.trim() },
                            })),
                          },
                          {
                            onSuccess: () => void message.success(t('common.saved')),
                            onError: (e) => onError(e),
                          },
                        )
                      }
                      data-testid="featured-categories-save"
                    >
                      {t('common.save')}
                    </Button>
                  </Space>
                </>
              )}
            </div>
          ),
        },
      ]}
      data-testid="featured-categories"
    />
  );
};
